package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import dev.shoal.node.api.BootstrapStatus;
import dev.shoal.node.api.PeerInfo;
import dev.shoal.node.api.Reach;
import dev.shoal.node.api.Role;
import dev.shoal.protocol.HostPort;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;

/**
 * The Network tab: our role and whether others can reach us (external address, port mapping), how
 * finding the network goes and the datagrams through our UDP port; connected peers (right-click one
 * to browse it), a box to connect to a host by hand or browse it, the traffic graph, and what the
 * node dropped, refused and closed, by reason.
 */
final class NetworkPanel extends JPanel {
    /** Two minutes of one-second samples. */
    static final int GRAPH_SECONDS = 120;

    private final AppContext ctx;
    private final PeersModel peers = new PeersModel();
    private final DropsModel drops = new DropsModel();
    private final TrafficHistory history = new TrafficHistory(GRAPH_SECONDS);
    private final TrafficGraph graph = new TrafficGraph(history);
    private final JTextField address = Widgets.field("connectField", "host:port", 18);
    private final JButton connect = new JButton("Connect");
    private final JButton browse = new JButton("Browse");
    private final JLabel count = new JLabel("No peers");
    private final JLabel reach = new JLabel(" ");
    private final JLabel bootstrap = new JLabel(" ");
    private final JLabel udp = new JLabel(" ");

    NetworkPanel(AppContext ctx) {
        super(new BorderLayout(0, Widgets.px(8)));
        this.ctx = ctx;
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(10), Widgets.px(10), Widgets.px(10), Widgets.px(10)));
        connect.setName("connectButton");
        connect.addActionListener(e -> connect());
        address.addActionListener(e -> connect());
        browse.setName("browseButton");
        browse.setToolTipText("List everything the host at this address shares");
        browse.addActionListener(e -> browseTyped());
        Widgets.onTextChange(address, text -> address.putClientProperty(FlatClientProperties.OUTLINE, null));
        count.setName("peerCount");
        count.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        JPanel top = new JPanel(new BorderLayout(Widgets.px(8), 0));
        reach.setName("reachLabel");
        bootstrap.setName("bootstrapLabel");
        udp.setName("udpLabel");
        udp.setToolTipText("Pings and pongs through our UDP port since start; dropped: malformed, unasked for,"
                + " or over budget");
        JPanel status = new JPanel();
        status.setLayout(new BoxLayout(status, BoxLayout.Y_AXIS));
        for (JLabel l : new JLabel[] {count, reach, bootstrap, udp}) {
            l.setAlignmentX(LEFT_ALIGNMENT);
            status.add(l);
        }
        top.add(status, BorderLayout.WEST);
        JPanel form = new JPanel(new BorderLayout(Widgets.px(6), 0));
        form.add(new JLabel("Connect to"), BorderLayout.WEST);
        form.add(address, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(4), 0));
        buttons.add(connect);
        buttons.add(browse);
        form.add(buttons, BorderLayout.EAST);
        // At the top of the column, its own height: the status lines beside it are taller.
        JPanel formBox = new JPanel(new BorderLayout());
        formBox.add(form, BorderLayout.NORTH);
        top.add(formBox, BorderLayout.EAST);

        JTable table = Widgets.table("peersTable", peers, new TableRowSorter<>(peers), 150, 170, 150, 80, 90, 90);
        Widgets.placeholder(table, "Not connected. Type the address of a Gnutella host above (host:port) and press"
                + " Enter.\nAsk a friend running Shoal for theirs: it is in the title of their window.");
        table.getColumnModel().getColumn(PeersModel.UPTIME).setCellRenderer(new DefaultTableCellRenderer() {
            @Override
            protected void setValue(Object value) {
                setHorizontalAlignment(SwingConstants.RIGHT);
                setText(value instanceof Long s ? Format.uptime(Duration.ofSeconds(s)) : "");
            }
        });
        JPopupMenu menu = new JPopupMenu();
        menu.add(Widgets.item("browsePeerItem", "Browse host", () -> browseSelected(table)));
        Widgets.rowMenu(table, menu);
        JPanel graphBox = new JPanel(new BorderLayout(0, Widgets.px(4)));
        JLabel graphTitle = new JLabel("Traffic");
        graphTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        graphBox.add(graphTitle, BorderLayout.NORTH);
        graphBox.add(graph, BorderLayout.CENTER);
        JPanel dropsBox = new JPanel(new BorderLayout(0, Widgets.px(4)));
        JLabel dropsTitle = new JLabel("Dropped, refused and closed");
        dropsTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        JTable dropsTable = Widgets.table("dropsTable", drops, new TableRowSorter<>(drops), 150, 330, 80);
        Widgets.placeholder(dropsTable, "Nothing dropped yet.");
        dropsBox.add(dropsTitle, BorderLayout.NORTH);
        dropsBox.add(Widgets.scroll(dropsTable), BorderLayout.CENTER);
        JSplitPane bottom = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, graphBox, dropsBox);
        bottom.setResizeWeight(0.6);
        bottom.setBorder(null);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, Widgets.scroll(table), bottom);
        split.setResizeWeight(0.55);
        split.setBorder(null);
        add(top, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);

        ctx.poller().subscribe(s -> {
            peers.setPeers(s.peers(), s.at());
            count.setText(s.peers().isEmpty() ? "No peers" : s.peers().size() + (s.peers().size() == 1 ? " peer" : " peers"));
            reach.setText(describe(s.role(), s.reach()));
            bootstrap.setText(describe(s.bootstrap()));
            bootstrap.setToolTipText(s.bootstrap().state() == BootstrapStatus.State.OFF
                    ? "No host cache is asked: join the public network (File \u2192 Settings) or connect by hand"
                    : "Host caches asked for servents, the hosts they gave, and links up now");
            udp.setText("UDP: " + s.udp().line());
            history.sample(s.traffic(), s.nanos());
            drops.setStats(s.stats());
            graph.repaint();
        });
    }

    /** "Ultrapeer · firewalled · seen as 203.0.113.5 · port mapping: mapped 203.0.113.5:6346 (router)". */
    static String describe(Role role, Reach r) {
        StringBuilder b = new StringBuilder(role.label().substring(0, 1).toUpperCase(Locale.ROOT))
                .append(role.label().substring(1));
        b.append(" \u00b7 ").append(r.firewalled() ? "firewalled (others reach us by Push)" : "reachable");
        if (r.udpReachable()) {
            b.append(" \u00b7 UDP reachable (hits come by UDP)");
        }
        r.externalAddress().ifPresent(a -> b.append(" \u00b7 seen as ").append(a));
        if (r.firewalled() && !r.pushProxies().isEmpty()) {
            b.append(" \u00b7 push proxies ").append(String.join(", ", r.pushProxies()));
        }
        b.append(" \u00b7 port mapping: ").append(r.portMapping().describe());
        return b.toString();
    }

    /** "bootstrapping: asked 2 caches, 37 hosts, 3 connected", "Bootstrap: done (asked ...)" or "Bootstrap: off". */
    static String describe(BootstrapStatus b) {
        return switch (b.state()) {
            case OFF -> "Bootstrap: off";
            case BOOTSTRAPPING -> b.line();
            case DONE -> "Bootstrap: done (" + b.line().substring(b.line().indexOf(':') + 2) + ")";
        };
    }

    TrafficHistory history() {
        return history;
    }

    /** The address typed, or null when it is not one (the box is marked and the user told why). */
    private HostPort typed() {
        try {
            return HostPort.parse(address.getText());
        } catch (IllegalArgumentException e) {
            address.putClientProperty(FlatClientProperties.OUTLINE, FlatClientProperties.OUTLINE_ERROR);
            ctx.notice(Format.sentence(e.getMessage()));
            return null;
        }
    }

    private void browseTyped() {
        HostPort target = typed();
        if (target != null) {
            ctx.browse(BrowseTab.Target.of(target));
        }
    }

    /** Browses the selected peers at the address where each accepts connections. */
    private void browseSelected(JTable table) {
        for (int viewRow : table.getSelectedRows()) {
            PeerInfo p = peers.peer(table.convertRowIndexToModel(viewRow));
            if (p.listenAddress().isEmpty()) {
                ctx.notice(p.address() + " did not say where it accepts connections, so it cannot be browsed");
            } else {
                ctx.browse(BrowseTab.Target.of(HostPort.parse(p.listenAddress())));
            }
        }
    }

    private void connect() {
        HostPort target = typed();
        if (target == null) {
            return;
        }
        connect.setEnabled(false);
        ctx.notice("Connecting to " + target + "\u2026");
        ctx.background().call(() -> ctx.node().connect(target.resolve()), future ->
                ctx.background().await(future, (PeerInfo p) -> {
                    connect.setEnabled(true);
                    address.setText("");
                    ctx.notice("Connected to " + p.address() + " (" + p.userAgent() + ")");
                    ctx.poller().pollSoon();
                }, e -> {
                    connect.setEnabled(true);
                    ctx.notice(Background.message(e));
                }), e -> {
                    connect.setEnabled(true);
                    ctx.notice(Background.message(e));
                });
    }
}
