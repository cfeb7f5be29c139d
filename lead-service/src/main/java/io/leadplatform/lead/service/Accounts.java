package io.leadplatform.lead.service;

import java.util.Locale;
import java.util.Set;

/** Matches a lead to an account by company domain; a free-mail domain says nothing about the company. */
public final class Accounts {

    static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk",
            "ymail.com", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com", "msn.com", "aol.com",
            "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net",
            "web.de", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "qq.com", "163.com", "126.com",
            "mail.ru", "fastmail.com", "hey.com", "tutanota.com");

    private Accounts() {
    }

    /** The account domain for a company domain (or, lacking one, the email's domain); null for free-mail. */
    public static String accountDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            return null;
        }
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return isFreeMail(d) ? null : d;
    }

    public static boolean isFreeMail(String domain) {
        return FREE_MAIL.contains(domain.toLowerCase(Locale.ROOT));
    }
}
