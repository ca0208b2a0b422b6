/**
 * Annotation file formats in and out of a project.
 *
 * <p>Each format is one {@link io.boxwork.annotations.formats.AnnotationFormat}: a reader to a
 * neutral {@link io.boxwork.annotations.formats.Dataset} and a writer from one.
 * {@link io.boxwork.annotations.formats.ProjectImporter} and
 * {@link io.boxwork.annotations.formats.ProjectExporter} connect datasets with projects.
 *
 * <p>Coordinates are image pixels with continuous edges everywhere inside Boxwork (a box covering
 * a whole W x H image is 0, 0, W, H). At the edges of the system:
 * <ul>
 *   <li>COCO: {@code bbox = [x, y, w, h]}, the same continuous pixels;</li>
 *   <li>Pascal VOC: 1-based inclusive integer pixels, read as {@code x1 = xmin - 1, x2 = xmax} and
 *       written as {@code xmin = round(x1) + 1, xmax = round(x2)};</li>
 *   <li>YOLO: {@code cx cy w h} divided by the image's width and height;</li>
 *   <li>tutorial JSON: {@code [x1, y1, x2, y2]}, the same continuous pixels.</li>
 * </ul>
 *
 * <p>Layouts written (and read): COCO {@code annotations.json} + {@code images/}; VOC one XML beside
 * each image; YOLO {@code data.yaml}, {@code classes.txt}, {@code images/}, {@code labels/};
 * tutorial {@code images/} + {@code annotations/}. Every reader clips boxes to their image and
 * drops boxes left without area, reporting both; a reader never writes to what it reads.
 */
package io.boxwork.annotations.formats;
