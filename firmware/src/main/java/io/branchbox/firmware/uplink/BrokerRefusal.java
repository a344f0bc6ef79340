package io.branchbox.firmware.uplink;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * A broker that will refuse every attempt until a person changes something: it refuses the box's
 * user name or password, or it presents a certificate the box does not trust. Retrying faster
 * does not help, so the uplink raises one alarm ({@link #ALARM_CODE}) and retries at its longest
 * back-off without logging each attempt (issue 13). Stateless.
 */
public enum BrokerRefusal {
    /** CONNACK "bad user name or password" / "not authorized" (MQTT 3.1.1 codes 4, 5; MQTT 5 0x86, 0x87). */
    CREDENTIALS,
    /** The TLS handshake failed: the broker's certificate chain or name is not trusted. */
    CERTIFICATE;

    public static final String ALARM_CODE = "UPLINK_REFUSED";

    /** Which refusal {@code cause} (a failed connect, with its causes) is, if it is one. */
    public static Optional<BrokerRefusal> of(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.paho.client.mqttv3.MqttException m3
                    && (m3.getReasonCode() == org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || m3.getReasonCode() == org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_NOT_AUTHORIZED)) {
                return Optional.of(CREDENTIALS);
            }
            if (t instanceof org.eclipse.paho.mqttv5.common.MqttException m5
                    && (m5.getReasonCode() == 0x86 || m5.getReasonCode() == 0x87)) {
                return Optional.of(CREDENTIALS);
            }
            if (t instanceof SSLHandshakeException || t instanceof GeneralSecurityException) {
                return Optional.of(CERTIFICATE);
            }
        }
        return Optional.empty();
    }

    /** The one alarm's text; names the user, never the password. */
    String alarmText(UplinkSettings s) {
        return switch (this) {
            case CREDENTIALS -> "the broker " + s.serverUri() + " refuses the box's user name or password (user '"
                    + s.username() + "'): set the right password file; retrying every " + s.reconnectMax().toSeconds() + " s";
            case CERTIFICATE -> "the broker " + s.serverUri() + " presents a certificate the box does not trust"
                    + " (check the CA file and the broker's name): retrying every " + s.reconnectMax().toSeconds() + " s";
        };
    }
}
