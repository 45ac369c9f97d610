package org.confide.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.confide.testing.ServiceBasics;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasics {}
