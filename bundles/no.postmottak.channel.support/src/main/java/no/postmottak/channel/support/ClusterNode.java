package no.postmottak.channel.support;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's name for leases: Karaf's name, the host and the process, e.g. {@code postmottak@app1/4711}. */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static String id() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("karaf.name", "postmottak") + "@" + host + "/" + ProcessHandle.current().pid();
    }
}
