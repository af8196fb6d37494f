package cn.huiyin.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web console (工作台): pages for every role over the services' APIs. Its configuration file is
 * {@code console.yml}, as each application of Huiyin has its own {@code spring.config.name}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    public static final String CONFIG_NAME = "console";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ConsoleApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
