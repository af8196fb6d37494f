package cn.huiyin.platform.service.security;

import java.util.Comparator;
import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/access} (administrators only): every endpoint of this service and who may call it, for security
 * reviews and for the access-matrix tests.
 */
@Endpoint(id = "access")
public class AccessEndpoint {

    private final EndpointDeclarations declarations;

    public AccessEndpoint(EndpointDeclarations declarations) {
        this.declarations = declarations;
    }

    @ReadOperation
    public List<EndpointDeclarations.Endpoint> endpoints() {
        return declarations.endpoints().stream()
            .sorted(Comparator.comparing(e -> e.paths().toString() + e.methods())).toList();
    }
}
