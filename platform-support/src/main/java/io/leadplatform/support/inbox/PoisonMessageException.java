package io.leadplatform.support.inbox;

/** A message that can never be applied, however often it is delivered. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
