package dev.shoal.bench;

import dev.shoal.net.HostCache;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.spam.BadUrnFile;
import dev.shoal.protocol.Base32;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Random;

/**
 * The child {@link KilledWrites} kills: {@code WriteChild DATA} rewrites, in a loop until killed,
 * what a node keeps in its data folder: the host cache ({@link #HOSTS} hosts, their times
 * changing), the settings (with a changing connection limit) and the spam list (one URN more each
 * time), through the servent's own writers. Says {@code writing} on stdout after the first round.
 */
public final class WriteChild {
    static final int HOSTS = 200;
    static final String READY = "writing";

    private WriteChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        Path settings = data.resolve(NodeConfigFile.SETTINGS_FILE);
        BadUrnFile spam = new BadUrnFile(data);
        HostCache hosts = new HostCache(data.resolve(HostCache.FILE_NAME), HOSTS);
        for (int i = 0; i < HOSTS; i++) {
            hosts.add(new InetSocketAddress("127.0." + i / 250 + "." + (1 + i % 250), 6346 + i), i);
        }
        for (long round = 1; ; round++) {
            for (int i = 0; i < HOSTS; i++) {
                hosts.heard(new InetSocketAddress("127.0." + i / 250 + "." + (1 + i % 250), 6346 + i), i % 2 == 0,
                        round * 1000, round * 1000 + i);
            }
            hosts.save();
            NodeConfigFile.write(settings, NodeConfig.defaults(data).withMaxConnections(1 + (int) (round % 1000)));
            byte[] sha1 = new byte[20];
            random.nextBytes(sha1);
            spam.add("urn:sha1:" + Base32.encode(sha1), "round " + round);
            if (round == 1) {
                System.out.println(READY);
                System.out.flush();
            }
        }
    }
}
