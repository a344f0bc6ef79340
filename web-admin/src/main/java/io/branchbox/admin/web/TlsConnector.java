package io.branchbox.admin.web;

import io.branchbox.admin.tls.BoxCertificate;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Jetty's HTTPS connector for the web admin, with the box's own certificate. Used at start only. */
final class TlsConnector {
    private static final String NAME = "https";

    private TlsConnector() {}

    static Connector create(Server server, HttpConfiguration plain, String host, int port, BoxCertificate cert) {
        HttpConfiguration https = new HttpConfiguration(plain);
        // the box is reached by IP address as often as by name: no SNI host check
        SecureRequestCustomizer secure = new SecureRequestCustomizer(false);
        secure.setStsMaxAge(0);
        https.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(cert.keyStore().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(cert.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setName(NAME);
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** The plain HTTP connector beside it (which redirects to HTTPS unless configured otherwise). */
    static Connector plain(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** The port the HTTPS connector is bound to, -1 when none is. */
    static int localPort(Server server) {
        return port(server, true);
    }

    /** The port the plain HTTP connector is bound to, -1 when none is. */
    static int plainPort(Server server) {
        return port(server, false);
    }

    private static int port(Server server, boolean tls) {
        for (Connector c : server.getConnectors()) {
            if (NAME.equals(c.getName()) == tls && c instanceof ServerConnector sc) {
                return sc.getLocalPort();
            }
        }
        return -1;
    }
}
