package org.abilitymap.points;

/**
 * A document's reference to a shared point: by {@code id} alone (the point must exist), or by {@code name}
 * (matched to an existing point after normalising, or created).
 *
 * @param path where the reference is in its document
 * @param idPath where its id is, for problems with the id
 * @param kind skill or knowledge; {@code null} for a reference by id that accepts either kind
 * @param id an existing point's id, or the id to give a new one; may be {@code null}
 * @param name the point's name; {@code null} for a reference by id
 * @param nameEn English name, if given
 * @param description description, if given
 */
public record PointRequest(String path, String idPath, PointKind kind, String id, String name, String nameEn, String description) {
}
