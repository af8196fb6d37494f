package cn.huiyin.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class Open311ClientsTest {

    private final Open311Clients clients = new Open311Clients(List.of(
        new Open311Properties.Client("guilin-xin-e", "guilin-xin-e-key-0123456789", "org-guilin-xin-e"),
        new Open311Properties.Client("hotline-12345", "hotline-12345-key-abcdefghij", "org-12345")));

    @Test
    void aClientIsKnownByItsKeyAndRecordsAsOpen311Name() {
        assertThat(clients.authenticate("hotline-12345-key-abcdefghij")).get()
            .satisfies(client -> {
                assertThat(client.name()).isEqualTo("hotline-12345");
                assertThat(client.org()).isEqualTo("org-12345");
                assertThat(client.recorder()).isEqualTo("open311:hotline-12345");
            });
    }

    @Test
    void wrongMissingOrPartialKeysAreNobody() {
        assertThat(clients.authenticate(null)).isEmpty();
        assertThat(clients.authenticate("")).isEmpty();
        assertThat(clients.authenticate("hotline-12345-key-abcdefghi")).isEmpty();
        assertThat(clients.authenticate("hotline-12345-key-abcdefghij ")).isEmpty();
    }

    @Test
    void aMisconfiguredClientStopsStartUp() {
        assertThatThrownBy(() -> new Open311Clients(List.of(new Open311Properties.Client("demo", "short", "org"))))
            .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> new Open311Clients(List.of(new Open311Properties.Client("Demo App", "0123456789abcdef", "org"))))
            .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new Open311Clients(List.of(new Open311Properties.Client("demo", "0123456789abcdef", " "))))
            .hasMessageContaining("org is required");
        assertThatThrownBy(() -> new Open311Clients(List.of(
            new Open311Properties.Client("a", "0123456789abcdef", "org"),
            new Open311Properties.Client("b", "0123456789abcdef", "org"))))
            .hasMessageContaining("unique");
    }
}
