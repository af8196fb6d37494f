package cn.huiyin.stack;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * The smallest thing the launcher can supervise: answers {@code /actuator/health/readiness} with 200 on the port it is
 * given, or, with {@code fail}, exits at once with code 3 (a service that cannot start).
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("fail")) {
            System.out.println("fake service: cannot start (as told)");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
            Integer.parseInt(args[0])), 10);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake service: ready on " + args[0] + " as pid " + ProcessHandle.current().pid());
    }
}
