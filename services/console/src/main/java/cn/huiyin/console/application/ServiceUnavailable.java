package cn.huiyin.console.application;

/** A service did not answer in time, answered with a server error, or its circuit is open. */
public class ServiceUnavailable extends RuntimeException {

    private final Service service;

    public ServiceUnavailable(Service service, String message, Throwable cause) {
        super(service + ": " + message, cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
