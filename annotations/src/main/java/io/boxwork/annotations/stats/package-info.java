/**
 * Figures about a project's labels for a person to check before training: image sizes, boxes per
 * image, box size and shape distributions, class balance, over all images and per split.
 */
package io.boxwork.annotations.stats;
