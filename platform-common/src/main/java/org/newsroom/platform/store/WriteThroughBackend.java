package org.newsroom.platform.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore backend with every change committed to the file before the answer to the
 * command that made it goes out. By itself MVStore commits in the background once a second, so a
 * process killed within that second took the writes it had acknowledged with it.
 *
 * <p>A commit writes the changed pages to the file through the operating system, which keeps them
 * when the process dies however it dies. It does not wait for the disk ({@code fsync}): a power
 * loss or a kernel crash can still lose the last writes the operating system had not yet put on
 * the disk. Concurrent commands share commits: whichever commits first writes the others'
 * changes too, and the rest find nothing left to write.
 */
final class WriteThroughBackend extends H2Backend {

	WriteThroughBackend(String file) {
		super(file);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		try {
			return super.handleCommand(channel, database, command, query);
		}
		finally {
			// also after a failed command: an ordered insert that stopped halfway answers with the
			// documents it did insert
			MVStore store = getMvStore();
			if (store.hasUnsavedChanges()) {
				store.commit();
			}
		}
	}
}
