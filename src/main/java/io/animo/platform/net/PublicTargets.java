package io.animo.platform.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the service may call out to on a tenant's behalf (webhooks, listened-to feeds): http(s) to a host whose every
 * address is public. Private, loopback, link-local
 * (cloud metadata), multicast and unique-local addresses are refused, so that a tenant cannot make the service call
 * into its own network. {@code allowedHosts} (operators' configuration; tests) may name private hosts that are fine.
 */
public final class PublicTargets {

    private PublicTargets() {
    }

    /**
     * Why the URL is refused, or null when it may be called. Resolves the host. {@code httpsOnly}: plain http is
     * refused too (it always is allowed to {@code allowedHosts}).
     */
    public static String problem(String url, Set<String> allowedHosts, boolean httpsOnly) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            return "This is not a URL.";
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getScheme() == null) {
            return "Give an absolute URL, e.g. https://hooks.example.com/animo.";
        }
        boolean allowed = allowedHosts.contains(host);
        boolean http = "http".equals(uri.getScheme());
        if (!"https".equals(uri.getScheme()) && !(http && (allowed || !httpsOnly))) {
            return httpsOnly ? "Use an https URL." : "Use an http or https URL.";
        }
        if (uri.getUserInfo() != null) {
            return "Put no credentials in the URL: check the signature instead.";
        }
        if (allowed) {
            return null;
        }
        try {
            List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
            return addresses.stream().allMatch(PublicTargets::isPublic)
                    ? null
                    : "This host is in a private network: only public addresses are called.";
        } catch (UnknownHostException e) {
            return "This host name does not resolve.";
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc) {
            return false; // IPv6 unique local, fc00::/7
        }
        // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8 are not public either
        return !(bytes.length == 4 && ((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64 || bytes[0] == 0));
    }
}
