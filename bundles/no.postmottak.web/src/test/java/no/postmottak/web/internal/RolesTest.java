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
    void theConfidentialityRoleLetsReadConfidentialMailOfItsOrganisationOnly() {
        User tove = Roles.toUser("tove", List.of("postmottak-org-910000001", "postmottak-taushet-910000001",
                "postmottak-taushet-12345"));
        assertThat(tove.confidentialOrgnrs()).containsExactly("910000001");
        assertThat(tove.mayRead("910000001", true)).isTrue();
        User admin = Roles.toUser("root", List.of("postmottak-admin"));
        assertThat(admin.mayRead("910000001", false)).isTrue();
        assertThat(admin.mayRead("910000001", true)).as("administrators need the role too").isFalse();
        User anne = Roles.toUser("anne", List.of("postmottak-org-910000001"));
        assertThat(anne.mayRead("910000001", true)).isFalse();
        assertThat(Roles.toUser("x", List.of("postmottak-taushet-910000001")).mayRead("910000001", true))
                .as("the role alone does not grant the organisation").isFalse();
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
