package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void orgRolesGrantTheirOrgAndAdminGrantsAll() {
        User clerk = Roles.toUser("anne", List.of("viewer", "postmottak-org-910000001", " postmottak-org-920000002 "));
        assertThat(clerk.admin()).isFalse();
        assertThat(clerk.orgnrs()).containsExactlyInAnyOrder("910000001", "920000002");
        assertThat(clerk.maySee("910000001")).isTrue();
        assertThat(clerk.maySee("930000003")).isFalse();

        User admin = Roles.toUser("root", List.of("postmottak-admin"));
        assertThat(admin.maySee("930000003")).isTrue();
        assertThat(admin.hasAnyAccess()).isTrue();
    }

    @Test
    void malformedOrgRolesAndLookalikesGrantNothing() {
        User u = Roles.toUser("x", List.of("postmottak-org-", "postmottak-org-12345", "postmottak-org-*",
                "postmottak-org-91000000a", "postmottak-administrator", "POSTMOTTAK-ADMIN"));
        assertThat(u.admin()).isFalse();
        assertThat(u.orgnrs()).isEmpty();
        assertThat(u.hasAnyAccess()).isFalse();
    }
}
