package cn.huiyin.platform.embedded;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's network side (as its {@code MongoServer} sets it up: the same handlers in the same order), with
 * two handlers added: where replies leave, with a {@link GroupCommit}, every reply waits until what it reflects is
 * durable; where commands arrive, each pins the store's version while it runs ({@link PinnedVersion}). Upstream's
 * server has no place to add a handler, hence this copy of its few lines of Netty set-up.
 */
final class MongoWireServer {

    private final MongoBackend backend;
    private final MVStore store;
    private final GroupCommit groupCommit;
    private final Lock commandLock;
    private final CommandTally tally = CommandTally.ifRequested();
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ChannelGroup clients;
    private Channel serverChannel;

    /** @param groupCommit null for a server whose replies need not wait (in memory) */
    MongoWireServer(MongoBackend backend, MVStore store, GroupCommit groupCommit) {
        this(backend, store, groupCommit, null);
    }

    /** @param commandLock held by every command while it runs ({@link Journal#commands()}); null for none */
    MongoWireServer(MongoBackend backend, MVStore store, GroupCommit groupCommit, Lock commandLock) {
        this.backend = backend;
        this.store = store;
        this.groupCommit = groupCommit;
        this.commandLock = commandLock;
    }

    void bind(InetSocketAddress address) {
        bossGroup = new NioEventLoopGroup(0, new MongoThreadFactory("mongo-server-boss"));
        workerGroup = new NioEventLoopGroup(0, new MongoThreadFactory("mongo-server-worker"));
        clients = new DefaultChannelGroup("mongodb-channels", workerGroup.next());
        DurableReplies durableReplies = groupCommit == null ? null : new DurableReplies(groupCommit);
        PinnedVersion pinnedVersion = new PinnedVersion(store, commandLock);
        try {
            serverChannel = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 100)
                .localAddress(address)
                .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    public void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new MongoWireReplyEncoder());
                        channel.pipeline().addLast(new MongoWireMessageEncoder());
                        channel.pipeline().addLast(new MongoWireProtocolHandler());
                        if (durableReplies != null) {
                            channel.pipeline().addLast(durableReplies);
                        }
                        if (tally != null) {
                            channel.pipeline().addLast(new Tallying(tally));
                        }
                        channel.pipeline().addLast(pinnedVersion);
                        channel.pipeline().addLast(new MongoDatabaseHandler(backend, clients));
                        channel.pipeline().addLast(new MongoExceptionHandler());
                    }
                })
                .bind().syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            stopNetwork();
            throw e;
        }
    }

    /** Stops accepting clients, closes the connected ones and stops the network threads; the backend stays open. */
    void stopNetwork() {
        if (tally != null) {
            tally.report();
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        if (clients != null) {
            clients.close().syncUninterruptibly();
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Holds each reply back until the group commit says it may leave; see {@link GroupCommit}. */
    @ChannelHandler.Sharable
    static final class DurableReplies extends ChannelOutboundHandlerAdapter {

        private final GroupCommit groupCommit;

        DurableReplies(GroupCommit groupCommit) {
            this.groupCommit = groupCommit;
        }

        @Override
        public void write(ChannelHandlerContext context, Object reply, ChannelPromise promise) {
            groupCommit.reply(context.channel(), () -> context.writeAndFlush(reply, promise));
        }
    }

    /** Counts each command as it arrives ({@link CommandTally}). */
    @ChannelHandler.Sharable
    static final class Tallying extends ChannelInboundHandlerAdapter {

        private final CommandTally tally;

        Tallying(CommandTally tally) {
            this.tally = tally;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            tally.count(message);
            context.fireChannelRead(message);
        }
    }

    /**
     * Pins the store's current version while a command runs (H2's {@code registerVersionUsage}), so no chunk that
     * version reads is written over before the command is done, however short the retention of freed chunks (ADR
     * 0029). A command reads all it answers before it returns: mongo-java-server's cursors hold their documents in
     * memory, so a later {@code getMore} reads no page. With a {@link Journal}, a command that may write also holds
     * its lock ({@link Commands#mayWrite}); queries do not, so a long query never holds up the journal or writes.
     */
    @ChannelHandler.Sharable
    static final class PinnedVersion extends ChannelInboundHandlerAdapter {

        private final MVStore store;
        private final Lock commandLock;

        PinnedVersion(MVStore store, Lock commandLock) {
            this.store = store;
            this.commandLock = commandLock;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            Lock lock = commandLock != null && Commands.mayWrite(message) ? commandLock : null;
            if (lock != null) {
                lock.lock();
            }
            MVStore.TxCounter pin = store.registerVersionUsage();
            try {
                context.fireChannelRead(message);
            } finally {
                store.deregisterVersionUsage(pin);
                if (lock != null) {
                    lock.unlock();
                }
            }
        }
    }
}
