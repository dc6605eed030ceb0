package no.postmottak.channel.support;

import java.util.Map;

/** A short name for a factory configuration, as operators know it: the name after {@code ~}, or the file's name. */
public final class ConfigNames {

    private ConfigNames() {
    }

    public static String of(String factoryPid, Map<String, ?> properties) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String path = file.toString();
            String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.cfg$", "");
            return name.startsWith(factoryPid + "-") ? name.substring(factoryPid.length() + 1) : name;
        }
        String pid = String.valueOf(properties.get("service.pid"));
        int tilde = pid.indexOf('~');
        if (tilde >= 0) {
            return pid.substring(tilde + 1);
        }
        return pid.startsWith(factoryPid + ".") ? pid.substring(factoryPid.length() + 1) : pid;
    }
}
