package app.chorus.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which URLs a URL import may fetch, with a resolver that answers from a table (no DNS). */
class UrlPolicyTest {
    private static final Map<String, String> DNS = Map.of(
            "video.example", "93.184.215.14",
            "intranet.example", "10.20.30.40",
            "rebind.example", "127.0.0.2",
            "cgnat.example", "100.64.1.1",
            "v6.example", "2606:4700::6810:84e5",
            "ula.example", "fd12:3456::1",
            "mapped.example", "::ffff:192.168.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null && !host.matches("[0-9.]+|.*:.*")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address != null ? address : host)};
    }

    private final UrlPolicy strict = new UrlPolicy(false, UrlPolicyTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"https://video.example/watch?v=1", "http://93.184.215.14/x", "https://v6.example/a",
            "https://unknown.example/not-in-dns", "HTTPS://VIDEO.EXAMPLE/upper"})
    void publicAndUnresolvableHostsAreLetThrough(String url) {
        assertThat(strict.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://intranet.example/", "http://rebind.example/", "http://cgnat.example/",
            "http://ula.example/", "http://mapped.example/", "http://127.0.0.1/", "http://0.0.0.0/", "http://[::1]/",
            "http://[::ffff:127.0.0.1]/", "http://172.16.5.4/", "http://169.254.169.254/", "http://224.0.0.1/",
            "http://localhost:8000/", "http://media.localhost/", "http://[fe80::1]/", "http://198.18.0.1/"})
    void hostsThatAreOrResolveToNonPublicAddressesAreRefused(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlPolicy.RefusedUrl.class)
                .hasMessageContaining("cannot be imported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://video.example/a.mp3", "javascript:alert(1)",
            "https://user:pw@video.example/", "https:///nohost", "", "  ", "http://video.example/a b"})
    void onlyPlainHttpUrlsWithAHostAreTaken(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlPolicy.RefusedUrl.class);
    }

    @Test
    void overlongUrlsAreRefused() {
        String url = "https://video.example/" + "a".repeat(UrlPolicy.MAX_URL_CHARS);
        assertThatThrownBy(() -> strict.check(url)).hasMessageContaining("longer than " + UrlPolicy.MAX_URL_CHARS);
    }

    @Test
    void theSettingAllowsPrivateAddressesButNotOtherSchemes() {
        UrlPolicy open = new UrlPolicy(true, UrlPolicyTest::resolve);
        assertThat(open.check("http://127.0.0.1:9000/song").getPort()).isEqualTo(9000);
        assertThat(open.check("http://intranet.example/").getHost()).isEqualTo("intranet.example");
        assertThatThrownBy(() -> open.check("file:///etc/passwd")).isInstanceOf(UrlPolicy.RefusedUrl.class);
    }
}
