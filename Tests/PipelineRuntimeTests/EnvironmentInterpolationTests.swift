import Pipeline
import PipelineRuntime
import Testing

@Suite("Environment interpolation")
struct EnvironmentInterpolationTests {
    @Test func replacesVariablesDefaultsAndEscapes() throws {
        let env = ["A": "x", "EMPTY": ""]
        #expect(try EnvironmentInterpolation.apply("p: ${A}/y", environment: env, file: "f") == "p: x/y")
        #expect(try EnvironmentInterpolation.apply("p: ${B:-dflt}", environment: env, file: "f") == "p: dflt")
        #expect(try EnvironmentInterpolation.apply("p: ${EMPTY:-d}", environment: env, file: "f") == "p: ")
        #expect(try EnvironmentInterpolation.apply("cost: $$5", environment: env, file: "f") == "cost: $5")
        #expect(try EnvironmentInterpolation.apply("no refs", environment: env, file: "f") == "no refs")
    }

    @Test func unsetVariableErrorNamesItsPosition() {
        do {
            _ = try EnvironmentInterpolation.apply("a: 1\nb: x${MISSING}\n", environment: [:], file: "p.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 5)
            #expect(error.message.contains("MISSING"))
        }
    }
}
