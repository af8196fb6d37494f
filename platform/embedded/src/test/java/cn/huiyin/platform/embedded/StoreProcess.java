package cn.huiyin.platform.embedded;

import java.nio.file.Path;

/** The embedded MongoDB alone in a JVM of its own, for a test to kill: {@code StoreProcess <port> <file>}. */
public final class StoreProcess {

    private StoreProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongoServer.onDisk("127.0.0.1", Integer.parseInt(args[0]), Path.of(args[1])).start();
        System.out.println("store ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
