package cn.huiyin.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo users (DEMO ONLY) and their claims, read once at startup from {@code demo-users.json}. Passwords follow
 * the rule {@code demo-only-<username>} and are kept only encoded.
 */
public final class DemoUserDirectory implements UserDetailsService {

    private final Map<String, DemoUser> users;

    private final Map<String, UserDetails> userDetails;

    public DemoUserDirectory(List<DemoUser> users, PasswordEncoder passwordEncoder) {
        Map<String, DemoUser> byName = new LinkedHashMap<>();
        Map<String, UserDetails> details = new LinkedHashMap<>();
        for (DemoUser user : users) {
            if (byName.putIfAbsent(user.username(), user) != null) {
                throw new IllegalArgumentException("Duplicate demo user " + user.username());
            }
            details.put(user.username(), User.withUsername(user.username())
                    .password(passwordEncoder.encode(user.demoPassword()))
                    .authorities(user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList())
                    .build());
        }
        this.users = Collections.unmodifiableMap(byName);
        this.userDetails = details;
    }

    /** Reads the users of a {@code demo-users.json} document (its {@code users} array). */
    public static List<DemoUser> read(Resource resource) {
        if (!resource.exists()) {
            throw new IllegalStateException("Demo users not found: " + resource
                    + " (they ship in the jar of cn.huiyin:huiyin-contracts as contracts/reference-data/demo-users.json)");
        }
        try (InputStream in = resource.getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<DemoUser> users = new ArrayList<>();
            for (JsonNode node : root.path("users")) {
                List<String> roles = new ArrayList<>();
                node.path("roles").forEach(role -> roles.add(role.asString()));
                users.add(new DemoUser(text(node, "username"), text(node, "name"), roles, text(node, "org"),
                        text(node, "jurisdiction")));
            }
            if (users.isEmpty()) {
                throw new IllegalStateException("No demo users in " + resource);
            }
            return users;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read demo users from " + resource, ex);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalStateException("Demo user without " + field + ": " + node);
        }
        return value.asString();
    }

    public Optional<DemoUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public List<DemoUser> all() {
        return List.copyOf(users.values());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails user = userDetails.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("Unknown user");
        }
        // A copy: the authentication provider erases the credentials of what it is given.
        return User.withUserDetails(user).build();
    }
}
