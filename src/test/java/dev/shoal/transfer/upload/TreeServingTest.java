package dev.shoal.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.thex.HashTree;
import dev.shoal.thex.Thex;
import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import dev.shoal.transfer.http.XThexUri;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files with a known tree are answered with X-Thex-URI, and the tree is served at N2X as THEX. */
class TreeServingTest {
    private static final int SIZE = 700_000;
    @TempDir
    Path tmp;
    private byte[] data;
    private HashTree tree;
    private ServedFile file;
    private ServedFile plain;
    private TestUploadServer server;

    @BeforeEach
    void setUp() throws IOException {
        data = TestFiles.random(SIZE, 3);
        tree = TestFiles.treeOf(data);
        file = TestFiles.share(tmp.resolve("a"), 1, "movie.avi", data, TestFiles.urnOf(data), tree.root());
        plain = TestFiles.share(tmp.resolve("b"), 2, "notes.txt", TestFiles.random(10, 4));
        server = TestUploadServer.serving(file, plain);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RawHttp.Response get(String method, String target, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: x\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return RawHttp.one(RawHttp.exchange(server.address(), sb.append("Connection: close\r\n\r\n").toString()));
    }

    @Test
    void answersOfAFileWithATreeSayWhereTheTreeIs() throws IOException {
        RawHttp.Response r = get("GET", "/uri-res/N2R?" + file.urn(), "Range: bytes=0-9");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("X-Thex-URI")).isEqualTo("/uri-res/N2X?" + file.urn() + ";" + tree.root().base32());
        assertThat(XThexUri.parse(r.header("X-Thex-URI"))).contains(XThexUri.of(file.urn(), tree.root()));
        assertThat(get("GET", "/uri-res/N2R?" + plain.urn()).header("X-Thex-URI")).isNull();
    }

    @Test
    void theTreeIsServedAsThexAndReadsBackWithOurParser() throws Exception {
        RawHttp.Response r = get("GET", "/uri-res/N2X?" + file.urn(), "Range: bytes=0-99");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/dime");
        assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(r.body().length));
        assertThat(r.header("X-Gnutella-Content-URN")).isEqualTo(file.urn().toString());
        HashTree back = Thex.decode(r.body(), SIZE, TigerRoot.parse(tree.root().base32()));
        assertThat(back).isEqualTo(tree);
        assertThat(back.depth()).isEqualTo(HashTree.goodDepth(SIZE)).isEqualTo(2);
        assertThat(r.body()).isEqualTo(Thex.encode(tree));

        RawHttp.Response head = get("HEAD", "/uri-res/N2X?" + file.urn());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(r.body().length));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void noTreeNoFileOrABadUrnIsRefused() throws IOException {
        assertThat(get("GET", "/uri-res/N2X?" + plain.urn()).status()).isEqualTo(404);
        assertThat(get("GET", "/uri-res/N2X?" + TestFiles.urnOf(new byte[7])).status()).isEqualTo(404);
        assertThat(get("GET", "/uri-res/N2X?urn:sha1:NOTBASE32").status()).isEqualTo(400);
    }
}
