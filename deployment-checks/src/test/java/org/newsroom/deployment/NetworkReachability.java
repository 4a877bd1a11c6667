package org.newsroom.deployment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Which connections an overlay's NetworkPolicies let through, worked out the way the API
 * defines it: a pod selected by no policy of a direction is open in that direction; otherwise a
 * connection needs a rule allowing it at the source (egress) and at the destination (ingress).
 *
 * <p>Paths are written {@code source -> destination:port[/UDP]}. Sources and destinations are
 * workloads of the overlay, or {@code namespace:<name>} for pods of another namespace
 * (the ingress controller, Prometheus), or {@code any} for a rule without peers.
 */
final class NetworkReachability {

	private final Manifests manifests;

	private final List<NetworkPolicy> policies;

	NetworkReachability(Manifests manifests) {
		this.manifests = manifests;
		this.policies = manifests.of(NetworkPolicy.class);
		policies.forEach(NetworkReachability::refuseWhatIsNotEvaluated);
	}

	/** Every allowed path to a port some container declares, plus egress to peer-less rules. */
	Set<String> allowedPaths() {
		Set<String> paths = new TreeSet<>();
		Set<String> namespaces = peerNamespaces();
		for (Workload destination : manifests.workloads()) {
			for (var container : destination.containers()) {
				for (var port : container.getPorts()) {
					int number = port.getContainerPort();
					String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
					for (Workload source : manifests.workloads()) {
						if (egressAllowsPod(source, destination, number, protocol)
								&& ingressAllowsPod(destination, source, number, protocol)) {
							paths.add(source.name() + " -> " + destination.name() + ":" + number + suffix(protocol));
						}
					}
					for (String namespace : namespaces) {
						if (ingressAllowsNamespace(destination, namespace, number, protocol)) {
							paths.add("namespace:" + namespace + " -> " + destination.name() + ":" + number + suffix(protocol));
						}
					}
				}
			}
		}
		for (Workload source : manifests.workloads()) {
			for (NetworkPolicy policy : selecting(source, "Egress")) {
				for (var rule : policy.getSpec().getEgress()) {
					if (rule.getTo().isEmpty()) {
						for (NetworkPolicyPort port : rule.getPorts()) {
							paths.add(source.name() + " -> any:" + port.getPort().getIntVal() + suffix(protocol(port)));
						}
						if (rule.getPorts().isEmpty()) {
							paths.add(source.name() + " -> any:*");
						}
					}
				}
			}
		}
		return paths;
	}

	private boolean egressAllowsPod(Workload source, Workload destination, int port, String protocol) {
		List<NetworkPolicy> selecting = selecting(source, "Egress");
		if (selecting.isEmpty()) {
			return true;
		}
		return selecting.stream().flatMap(policy -> policy.getSpec().getEgress().stream())
			.anyMatch(rule -> portsAllow(rule.getPorts(), port, protocol)
					&& (rule.getTo().isEmpty() || rule.getTo().stream().anyMatch(peer -> peerIsPod(peer, destination))));
	}

	private boolean ingressAllowsPod(Workload destination, Workload source, int port, String protocol) {
		List<NetworkPolicy> selecting = selecting(destination, "Ingress");
		if (selecting.isEmpty()) {
			return true;
		}
		return selecting.stream().flatMap(policy -> policy.getSpec().getIngress().stream())
			.anyMatch(rule -> portsAllow(rule.getPorts(), port, protocol)
					&& (rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> peerIsPod(peer, source))));
	}

	private boolean ingressAllowsNamespace(Workload destination, String namespace, int port, String protocol) {
		List<NetworkPolicy> selecting = selecting(destination, "Ingress");
		if (selecting.isEmpty()) {
			return true;
		}
		return selecting.stream().flatMap(policy -> policy.getSpec().getIngress().stream())
			.anyMatch(rule -> portsAllow(rule.getPorts(), port, protocol)
					&& (rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> peerIsNamespace(peer, namespace))));
	}

	private List<NetworkPolicy> selecting(Workload workload, String direction) {
		return policies.stream()
			.filter(policy -> policy.getSpec().getPolicyTypes().contains(direction))
			.filter(policy -> Selectors.matches(policy.getSpec().getPodSelector(), workload.podLabels()))
			.toList();
	}

	/** A pod peer of this namespace: a podSelector without a namespaceSelector. */
	private static boolean peerIsPod(NetworkPolicyPeer peer, Workload workload) {
		return peer.getNamespaceSelector() == null && peer.getPodSelector() != null
				&& Selectors.matches(peer.getPodSelector(), workload.podLabels());
	}

	private static boolean peerIsNamespace(NetworkPolicyPeer peer, String namespace) {
		return peer.getNamespaceSelector() != null && peer.getPodSelector() == null
				&& Selectors.matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", namespace));
	}

	private Set<String> peerNamespaces() {
		Set<String> namespaces = new TreeSet<>();
		for (NetworkPolicy policy : policies) {
			policy.getSpec().getIngress().forEach(rule -> rule.getFrom().forEach(peer -> {
				if (peer.getNamespaceSelector() != null) {
					namespaces.add(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
				}
			}));
		}
		return namespaces;
	}

	private static boolean portsAllow(List<NetworkPolicyPort> ports, int port, String protocol) {
		return ports.isEmpty() || ports.stream()
			.anyMatch(allowed -> protocol(allowed).equals(protocol) && allowed.getPort().getIntVal() == port);
	}

	private static String protocol(NetworkPolicyPort port) {
		return port.getProtocol() == null ? "TCP" : port.getProtocol();
	}

	private static String suffix(String protocol) {
		return protocol.equals("TCP") ? "" : "/" + protocol;
	}

	/** The evaluation above covers what these manifests use; anything else must not slip by. */
	private static void refuseWhatIsNotEvaluated(NetworkPolicy policy) {
		String name = "NetworkPolicy " + policy.getMetadata().getName();
		var spec = policy.getSpec();
		if (spec.getPolicyTypes().isEmpty()) {
			throw new AssertionError(name + " must list its policyTypes");
		}
		spec.getIngress().forEach(rule -> {
			rule.getFrom().forEach(peer -> refuse(peer, name));
			rule.getPorts().forEach(port -> refuse(port, name));
		});
		spec.getEgress().forEach(rule -> {
			rule.getTo().forEach(peer -> refuse(peer, name));
			rule.getPorts().forEach(port -> refuse(port, name));
		});
	}

	private static void refuse(NetworkPolicyPeer peer, String name) {
		if (peer.getIpBlock() != null) {
			throw new AssertionError(name + " uses an ipBlock, which these checks do not evaluate");
		}
		if (peer.getNamespaceSelector() != null && peer.getPodSelector() != null) {
			throw new AssertionError(name + " combines namespace and pod selectors, which these checks do not evaluate");
		}
		if (peer.getNamespaceSelector() != null
				&& (peer.getNamespaceSelector().getMatchLabels() == null
						|| !peer.getNamespaceSelector().getMatchLabels().keySet().equals(Set.of("kubernetes.io/metadata.name")))) {
			throw new AssertionError(name + " must select namespaces by kubernetes.io/metadata.name only");
		}
	}

	private static void refuse(NetworkPolicyPort port, String name) {
		if (port.getPort() == null || port.getPort().getIntVal() == null || port.getEndPort() != null) {
			throw new AssertionError(name + " must name single numeric ports");
		}
	}
}
