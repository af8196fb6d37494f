package cn.huiyin.platform.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;

/**
 * The {@value #PROFILE} profile: the platform's production defaults ({@value #DEFAULTS}: health details and metrics
 * only for those with a token) are laid over its ordinary ones, and a service refuses to start rather than run on a
 * demo key: every secret it lists
 * in {@code huiyin.security.required-secrets} must be set (a list entry {@code a|b} is satisfied by either), and no
 * setting may still hold a value marked as a demo value ({@code demo-only…}, {@code DEMO-ONLY…}, {@code DEMOONLY…}),
 * wherever it comes from: a file, the environment, {@code SPRING_APPLICATION_JSON}. Runs once the configuration files
 * are read, before anything connects anywhere.
 */
public class ProductionProfile implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "production";
    static final String DEFAULTS = "huiyin-production.yml";
    static final String REQUIRED = "huiyin.security.required-secrets";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        // After the configuration files: only now are profiles given to SpringApplication (not only the environment
        // variable) active. Still the default properties, so the service's own file and the environment win.
        DefaultPropertiesPropertySource.addOrMerge(HuiyinServiceEnvironment.load(DEFAULTS),
            environment.getPropertySources());
        List<String> problems = new ArrayList<>();
        for (String secret : Binder.get(environment).bind(REQUIRED, Bindable.listOf(String.class)).orElse(List.of())) {
            boolean set = false;
            for (String alternative : secret.split("\\|")) {
                String value = environment.getProperty(alternative.strip());
                set |= value != null && !value.isBlank();
            }
            if (!set) {
                problems.add(secret + " is not set");
            }
        }
        for (String name : propertyNames(environment)) {
            String value = environment.getProperty(name);
            if (value != null && isDemoValue(value)) {
                problems.add(name + " still has a demo value");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the production profile: " + String.join("; ", problems)
                + ". Set real secrets (see deploy/README.md).");
        }
    }

    static boolean isDemoValue(String value) {
        return value.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").contains("demoonly");
    }

    private static Set<String> propertyNames(ConfigurableEnvironment environment) {
        Set<String> names = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
