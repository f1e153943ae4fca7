package org.abilitymap.curriculum;

import org.abilitymap.points.Point;

/**
 * A point a course teaches, at a level, for some hours.
 *
 * @param courseId the course
 * @param point the point
 * @param level the teaching level
 * @param hours hours spent on it, if recorded
 */
public record CourseTeaching(String courseId, Point point, TeachingLevel level, Double hours) {
}
