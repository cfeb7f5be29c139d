package io.leadplatform.lead.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Who a lead is, in one place: the normalised email and phone a capture dedupes on, the account its domain belongs
 * to, and the tidying of the free-text facts. Phones are E.164: {@code +}, country code and subscriber number, at
 * most 15 digits; only numbers given in international form ({@code +} or {@code 00} first) are accepted, since a
 * national number cannot be told apart from another country's without guessing.
 */
public final class LeadIdentity {

    /** What a capture's phone must match: + or 00, then 8 to 15 digits with spaces, dots, dashes or brackets. */
    public static final String INTERNATIONAL_PHONE =
            "^(?:\\+|00)(?=(?:[^0-9]*[0-9]){8,15}[^0-9]*$)[0-9 ().\\-/]+$";

    /** A free-mail domain says nothing about the company. */
    static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk",
            "ymail.com", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com", "msn.com", "aol.com",
            "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net",
            "web.de", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "qq.com", "163.com", "126.com",
            "mail.ru", "fastmail.com", "hey.com", "tutanota.com");

    private LeadIdentity() {
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The E.164 form of a number that matched {@link #INTERNATIONAL_PHONE}, or null for none. */
    public static String normalizePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String t = phone.strip();
        String digits = (t.startsWith("00") ? t.substring(2) : t).replaceAll("[^0-9]", "");
        return "+" + digits;
    }

    /** What a capture dedupes on, also its lock key: the email, or for a phone-only lead the phone. */
    public static String dedupeKey(String normalizedEmail, String normalizedPhone) {
        return normalizedEmail != null ? "email:" + normalizedEmail : "phone:" + normalizedPhone;
    }

    /** The company domain as given, or lacking one, the normalised email's domain; lower case. */
    public static String companyDomain(String domain, String normalizedEmail) {
        return domain != null ? domain.trim().toLowerCase(Locale.ROOT)
                : normalizedEmail != null ? normalizedEmail.substring(normalizedEmail.indexOf('@') + 1) : null;
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

    /** Stripped, or null when nothing is left. */
    public static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Collapses runs of whitespace; the name as sent is kept in companyOriginal. */
    public static String tidyCompany(String company) {
        String t = trim(company);
        return t == null ? null : t.replaceAll("\\s+", " ");
    }
}
