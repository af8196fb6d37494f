package cn.huiyin.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The embedded stack's OpenID Connect provider (DEMO ONLY). Production uses Keycloak with the same realm roles.
 *
 * <p>The configuration file is {@code identity.yml}, not {@code application.yml}: several applications share a
 * classpath in tests elsewhere, so each one uses its own {@code spring.config.name}.
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityApplication {

    /** The value of {@code spring.config.name} of this application (its configuration file is {@code identity.yml}). */
    public static final String CONFIG_NAME = "identity";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IdentityApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
