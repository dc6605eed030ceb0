package no.postmottak.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * DS shell: the pages, script and style sheet ({@link StaticPages}) on /postmottak/*. The API's longer pattern
 * /postmottak/api/* wins for its requests (the servlet specification's longest path prefix).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("postmottak-sider")
@HttpWhiteboardServletPattern(WebSecurity.BASE + "/*")
public class StaticPagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient StaticPages pages = new StaticPages(StaticPagesServlet.class.getClassLoader());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        pages.serve(req, resp, req.getPathInfo());
    }
}
