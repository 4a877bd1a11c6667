import com.sun.tools.attach.VirtualMachine;

/**
 * Loads async-profiler into a running JVM, as its own launcher would: java Attach.java PID
 * LIBRARY OPTIONS (for example "start,event=itimer" and later "stop,flamegraph,file=out.html").
 */
public class Attach {

	public static void main(String[] args) throws Exception {
		VirtualMachine vm = VirtualMachine.attach(args[0]);
		try {
			vm.loadAgentPath(args[1], args[2]);
		}
		finally {
			vm.detach();
		}
	}
}
