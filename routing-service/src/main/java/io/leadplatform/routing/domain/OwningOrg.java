package io.leadplatform.routing.domain;

/** The org that owns a queue, and so the leads routed to it: the choice the platform makes explicit. */
public enum OwningOrg {
    MARKETING, SALES
}
