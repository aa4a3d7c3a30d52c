package dev.shoal.transfer.download;

import dev.shoal.time.Scheduler;
import dev.shoal.transfer.AltLocs;
import java.nio.file.Path;

/**
 * What every download of a node shares: where parts and finished files go, the swarm tuning, the
 * alternate-location mesh, the way Pushes are sent, and the scheduler whose clock downloads read
 * and wait on.
 */
public record SwarmSetup(Path incompleteDir, Path downloadsDir, SwarmConfig config, AltLocs mesh,
        PushRequester pusher, Scheduler scheduler) {

    /** For downloads on their own: no shared mesh, no Pushes. */
    public static SwarmSetup standalone(Path incompleteDir, Path downloadsDir, SwarmConfig config,
            Scheduler scheduler) {
        return new SwarmSetup(incompleteDir, downloadsDir, config, new AltLocs(), PushRequester.NONE, scheduler);
    }
}
