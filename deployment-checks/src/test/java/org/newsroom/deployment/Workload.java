package org.newsroom.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/** Something that runs pods (a Deployment, StatefulSet, Job or CronJob), seen through its pod template. */
record Workload(String kind, String name, Integer replicas, PodTemplateSpec template, HasMetadata owner) {

	PodSpec pod() {
		return template.getSpec();
	}

	Map<String, String> podLabels() {
		return template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels();
	}

	List<Container> containers() {
		return pod().getContainers();
	}

	/** Init containers and containers: everything that runs in the pod. */
	List<Container> allContainers() {
		List<Container> all = new ArrayList<>(pod().getInitContainers());
		all.addAll(pod().getContainers());
		return all;
	}

	boolean longRunning() {
		return !kind.equals("Job") && !kind.equals("CronJob");
	}

	@Override
	public String toString() {
		return kind + " " + name;
	}
}
