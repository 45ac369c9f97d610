package org.confide.platform.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Per-client encryption (crypto-shredding, R-REC-3), under {@code confide.crypto.*}: the services that hold free text
 * about clients turn it on ({@code confide.crypto.enabled=true}, read at build time) and give it a key vault
 * datasource named {@code keys} with {@code db/keys} as its Flyway location.
 */
@ConfigMapping(prefix = "confide.crypto")
public interface CryptoConfig {

    /** Whether this service has a key vault and a master key (a build-time switch of the crypto beans). */
    @WithDefault("false")
    boolean enabled();

    /** The master key: 32 random bytes in base64, or the path of a file holding them. Required in production. */
    Optional<String> masterKey();

    /** The environment variable that feeds {@link #masterKey()}, named in the messages of a refused start. */
    @WithDefault("CONFIDE_MASTER_KEY")
    String masterKeyVariable();

    /**
     * What every ciphertext of this service is bound to (associated data), e.g. {@code confide-records}: a value
     * copied from one service's database to another's does not decrypt.
     */
    @WithDefault("confide")
    String context();
}
