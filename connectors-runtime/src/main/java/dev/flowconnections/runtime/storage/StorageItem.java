package dev.flowconnections.runtime.storage;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a listing.
 *
 * @param path what a later task passes as {@code path}: the S3 key, the OneDrive path, the Drive or
 *     Box id
 * @param size in bytes; absent for folders
 * @param lastModified ISO-8601, as the provider reports it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageItem(
    String name, String path, boolean folder, Long size, String lastModified) {}
