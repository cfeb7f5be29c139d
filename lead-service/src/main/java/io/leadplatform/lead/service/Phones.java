package io.leadplatform.lead.service;

/**
 * Phone numbers in E.164 form: {@code +}, country code and subscriber number, at most 15 digits. Only numbers
 * given in international form ({@code +} or {@code 00} first) are accepted, since a national number cannot be
 * told apart from another country's without guessing.
 */
public final class Phones {

    /** What a capture's phone must match: + or 00, then 8 to 15 digits with spaces, dots, dashes or brackets. */
    public static final String INTERNATIONAL = "^(?:\\+|00)(?=(?:[^0-9]*[0-9]){8,15}[^0-9]*$)[0-9 ().\\-/]+$";

    private Phones() {
    }

    /** The E.164 form of a number that matched {@link #INTERNATIONAL}, or null for none. */
    public static String normalize(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String t = phone.strip();
        String digits = (t.startsWith("00") ? t.substring(2) : t).replaceAll("[^0-9]", "");
        return "+" + digits;
    }
}
