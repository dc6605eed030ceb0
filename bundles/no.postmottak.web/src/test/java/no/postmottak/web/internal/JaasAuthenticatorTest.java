package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against Karaf's real PropertiesLoginModule, configured through a JAAS Configuration. */
class JaasAuthenticatorTest {

    static final String ROLE_CLASS = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

    @Test
    void rolesFromTheRealmBecomeTheUsersAccess(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, """
                kari = hemmelig, postmottak-org-910000001, _g_:arkiv
                _g_\\:arkiv = group, postmottak-org-920000002
                """);
        JaasAuthenticator jaas = new JaasAuthenticator("test", Set.of(ROLE_CLASS), realm(users));

        User kari = jaas.authenticate("kari", "hemmelig".toCharArray()).orElseThrow();
        assertThat(kari.name()).isEqualTo("kari");
        assertThat(kari.admin()).isFalse();
        assertThat(kari.orgnrs()).as("own role and the group's").containsExactlyInAnyOrder("910000001", "920000002");

        assertThat(jaas.authenticate("kari", "feil".toCharArray())).isEmpty();
        assertThat(jaas.authenticate("ukjent", "hemmelig".toCharArray())).isEmpty();
        assertThat(jaas.authenticate("kari", new char[0])).isEmpty();
        assertThat(new JaasAuthenticator("no-such-realm", Set.of(ROLE_CLASS), realm(users))
                .authenticate("kari", "hemmelig".toCharArray())).isEmpty();
    }

    @Test
    void principalsOfOtherClassesAreNotRoles(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "kari = hemmelig, postmottak-admin\n");
        JaasAuthenticator jaas = new JaasAuthenticator("test", Set.of("some.other.RoleClass"), realm(users));
        assertThat(jaas.authenticate("kari", "hemmelig".toCharArray()).orElseThrow().admin()).isFalse();
    }

    static Configuration realm(Path users) {
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "test".equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("users", users.toString()))}
                        : null;
            }
        };
    }
}
