package io.animo.platform.net;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Animo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the endpoint's secret>}: the
 * receiver recomputes it, compares in constant time, and refuses a timestamp older than a few minutes (replays).
 */
public final class WebhookSignature {

    public static final String HEADER = "Animo-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    /**
     * Whether {@code header} ({@code t=…,v1=…}) signs {@code body} with {@code secret} at a time within
     * {@code toleranceSeconds} of {@code nowSeconds}. Compared in constant time.
     */
    public static boolean verifies(String header, String secret, String body, long nowSeconds, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long time = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    time = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (time == null || signature == null || Math.abs(nowSeconds - time) > toleranceSeconds) {
            return false;
        }
        return java.security.MessageDigest.isEqual(hmac(secret, time + "." + body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    public static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
