package dev.shoal.ui;

import dev.shoal.node.api.ShoalNode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.SwingUtilities;

/**
 * The node as the window sees it, noting every call made on the event thread other than those
 * {@link ShoalNode} documents as returning at once: the app promises that all the others run off
 * it, so that no disk or network wait can freeze the window.
 */
final class EdtCallWatch implements InvocationHandler {
    private static final Set<String> AT_ONCE = Set.of("listenAddress", "serventId", "config", "libraryReady", "searchLibrary",
            "addListener", "removeListener");

    private final ShoalNode node;
    final List<String> onEdt = new CopyOnWriteArrayList<>();

    private EdtCallWatch(ShoalNode node) {
        this.node = node;
    }

    static EdtCallWatch of(ShoalNode node) {
        return new EdtCallWatch(node);
    }

    ShoalNode proxy() {
        return (ShoalNode) Proxy.newProxyInstance(ShoalNode.class.getClassLoader(), new Class<?>[] {ShoalNode.class},
                this);
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
        if (SwingUtilities.isEventDispatchThread() && !AT_ONCE.contains(method.getName())) {
            onEdt.add(method.getName());
        }
        try {
            return method.invoke(node, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
