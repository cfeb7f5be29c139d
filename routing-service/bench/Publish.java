import com.rabbitmq.client.*;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Publishes N lead.qualified events for industry "bench" to the test vhost, with confirms. */
public class Publish {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1"); f.setUsername("guest"); f.setPassword("guest");
        f.setVirtualHost("lead-platform-test-routing");
        try (Connection c = f.newConnection(); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            for (int i = 0; i < n; i++) {
                String lead = UUID.randomUUID().toString();
                String json = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"bench\","
                    + "\"type\":\"lead.qualified\",\"subject\":\"" + lead + "\",\"time\":\"2026-11-23T09:15:00Z\","
                    + "\"datacontenttype\":\"application/json\",\"data\":{\"leadId\":\"" + lead + "\",\"stage\":\"MQL\","
                    + "\"modelVersion\":\"default-1\",\"fitGrade\":\"A\",\"fitScore\":55,\"engagementScore\":20,"
                    + "\"direction\":\"inbound\",\"channel\":\"paid\",\"country\":\"US\",\"region\":\"NA\","
                    + "\"industry\":\"bench\",\"employees\":450,\"domain\":\"d" + i + ".example\","
                    + "\"consentMarketing\":true,\"qualifiedAt\":\"2026-11-23T09:15:00Z\"}}";
                ch.basicPublish("lead-platform.events", "lead.qualified",
                    new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2).build(),
                    json.getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(60000);
        }
    }
}
