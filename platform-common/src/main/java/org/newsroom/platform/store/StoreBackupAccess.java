package org.newsroom.platform.store;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Who may take the embedded store's backup: a process on this machine, which could read the store
 * file anyway. A request that came through a proxy carries the client's address by then (the
 * services read {@code X-Forwarded-For} from their trusted proxies), so a reader on the internet
 * is refused even though the gateway itself is local.
 */
public final class StoreBackupAccess {

	public static final String PATH = "/actuator/storebackup";

	private StoreBackupAccess() {
	}

	public static boolean allowed(String remoteAddress) {
		if (remoteAddress == null) {
			return false;
		}
		try {
			// a literal address only: parsing never looks a name up
			return remoteAddress.matches("[0-9a-fA-F.:]+") && InetAddress.getByName(remoteAddress).isLoopbackAddress();
		}
		catch (UnknownHostException e) {
			return false;
		}
	}

	public static boolean allowed(InetSocketAddress remoteAddress) {
		return remoteAddress != null && remoteAddress.getAddress() != null
				&& remoteAddress.getAddress().isLoopbackAddress();
	}
}
