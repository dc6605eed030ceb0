package no.postmottak.keystore.internal.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One decryption key (factory configuration {@value KeyEntryComponent#FACTORY_PID}); {@code _} maps to {@code .}. */
@ObjectClassDefinition(name = "Postmottak decryption key",
        description = "An RSA private key that SvarUt encrypts mail to: a PKCS#12/JKS key store, or a PEM key with "
                + "its certificate.")
public @interface KeyConfig {

    @AttributeDefinition(name = "SvarInn account", description = "The SvarInn account (mottakersystem) this key "
            + "serves", required = false)
    String account() default "";

    @AttributeDefinition(name = "Organisation numbers", description = "Organisations this key serves",
            required = false)
    String[] orgnrs() default {};

    @AttributeDefinition(name = "Key store file", description = "PKCS#12 (or JKS) file holding key and certificate",
            required = false)
    String keystore_file() default "";

    @AttributeDefinition(name = "Key store password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the key store and of its key. Tip: name it .keystore.password in the .cfg "
                    + "file: private names stay out of the service properties")
    String keystore_password() default "";

    @AttributeDefinition(name = "Key store alias", required = false,
            description = "Alias of the key entry; may be left empty when the store holds one key")
    String keystore_alias() default "";

    @AttributeDefinition(name = "PEM key file", required = false,
            description = "PEM private key (PKCS#8, PKCS#1 or encrypted PKCS#8), instead of a key store")
    String pem_key_file() default "";

    @AttributeDefinition(name = "PEM passphrase", type = AttributeType.PASSWORD, required = false,
            description = "Passphrase of an encrypted PEM key (or .pem.passphrase, kept out of service properties)")
    String pem_passphrase() default "";

    @AttributeDefinition(name = "PEM certificate file", required = false,
            description = "The certificate uploaded to SvarUt for this key (required with a PEM key)")
    String pem_certificate_file() default "";
}
