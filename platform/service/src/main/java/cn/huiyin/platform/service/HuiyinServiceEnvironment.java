package cn.huiyin.platform.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Gives every {@link HuiyinService} its name and the platform's defaults before the service's own configuration is
 * read. The defaults go into Spring Boot's {@code defaultProperties}, which rank below everything else, so a service's
 * file, environment variables and command-line arguments all override them.
 */
public class HuiyinServiceEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "huiyin-defaults.yml";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = application.getAllSources().stream()
            .filter(Class.class::isInstance).map(Class.class::cast)
            .map(type -> AnnotatedElementUtils.findMergedAnnotation(type, HuiyinService.class))
            .filter(Objects::nonNull).map(HuiyinService::value)
            .findFirst().orElse(null);
        if (name == null) {
            return;
        }
        Map<String, Object> defaults = new HashMap<>(load(DEFAULTS));
        defaults.put("spring.application.name", name);
        defaults.put("spring.config.name", name);
        DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
    }

    static Map<String, Object> load(String file) {
        try {
            Map<String, Object> values = new HashMap<>();
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String key : enumerable.getPropertyNames()) {
                        values.putIfAbsent(key, enumerable.getProperty(key));
                    }
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
