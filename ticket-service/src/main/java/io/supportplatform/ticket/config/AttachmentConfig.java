package io.supportplatform.ticket.config;

import java.nio.file.Path;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Attachments of tickets and replies, P5.g/P5.h ({@code ticket.attachments.*}). */
@ConfigMapping(prefix = "ticket.attachments")
public interface AttachmentConfig {

    /** Where the files live; one directory per environment (a volume in docker-compose). */
    Path directory();

    /** Largest accepted file in bytes; larger uploads are refused with 413 while they stream in. */
    @WithDefault("26214400")
    long maxSizeBytes();

    /** Content types accepted (after sniffing the first bytes); anything else is refused with 415. */
    Set<String> allowedContentTypes();
}
