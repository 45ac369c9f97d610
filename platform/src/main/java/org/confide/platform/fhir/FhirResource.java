package org.confide.platform.fhir;

/** A FHIR resource Confide serves: its type (serialised as {@code resourceType}) and logical id. */
public interface FhirResource {

    String getResourceType();

    String id();
}
