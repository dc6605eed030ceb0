package no.postmottak.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** The pages, script and style sheet from the bundle's {@code /static} folder; no CDN, no build step. */
@Component(service = StaticResources.class)
@HttpWhiteboardResource(pattern = WebSecurity.BASE + "/*", prefix = "/static")
public class StaticResources {
}
