package org.confide.consent;

import io.quarkus.test.junit.QuarkusTest;
import org.confide.testing.ServiceBasics;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasics {}
