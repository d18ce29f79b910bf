import type { Rule } from '@plumbline/core';
import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage, type TfModule } from '@plumbline/lang-hcl';
import logGroupKms from '../rules/cloudwatch-log-group-kms/rule.js';
import logGroupRetention from '../rules/cloudwatch-log-group-retention/rule.js';
import codeSigning from '../rules/lambda-code-signing/rule.js';
import deprecatedRuntime from '../rules/lambda-deprecated-runtime/rule.js';
import dlq from '../rules/lambda-dlq/rule.js';
import envKms from '../rules/lambda-env-kms/rule.js';
import tracing from '../rules/lambda-xray-tracing/rule.js';

/** The hardened inputs, one per rule; each test leaves one out or sets it insecurely. */
const HARDENED: Record<string, string> = {
  tracing_mode: '"Active"',
  dead_letter_target_arn: 'aws_sqs_queue.orders_dlq.arn',
  kms_key_arn: 'aws_kms_key.lambda.arn',
  code_signing_config_arn: 'aws_lambda_code_signing_config.this.arn',
  cloudwatch_logs_kms_key_id: 'aws_kms_key.logs.arn',
  cloudwatch_logs_retention_in_days: '30',
};

/** A call of terraform-aws-modules/lambda/aws as its README writes it, with some inputs replaced. */
const lambda = (inputs: Record<string, string | undefined> = {}, version = '~> 7.0') => {
  const all = { ...HARDENED, ...inputs };
  const lines = Object.entries(all)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${k} = ${v}\n`)
    .join('');
  return `module "lambda_function" {\n  source  = "terraform-aws-modules/lambda/aws"\n  version = "${version}"\n\n  function_name = "orders-handler"\n  handler       = "index.handler"\n  runtime       = "nodejs22.x"\n  source_path   = "../src/orders"\n\n  environment_variables = {\n    TABLE_NAME = "orders"\n  }\n\n${lines}}\n`;
};

/** The line of an input in `lambda()`'s output (HARDENED's order, after 13 fixed lines). */
const lineOf = (input: string) => 14 + Object.keys(HARDENED).indexOf(input);

const tester = new RuleTester([hclLanguage]);

function table(
  rule: Rule<TfModule>,
  input: string,
  insecure: string,
  defaultShown: string,
  quiet: { name: string; code: string }[] = [],
) {
  const argument = `  ${input} = ${insecure}`;
  tester.run(rule, {
    valid: [
      ...quiet,
      { name: 'hardened call', code: lambda() },
      {
        name: 'a call that creates no function',
        code: lambda({ [input]: undefined, create_function: 'false' }),
      },
      { name: 'unknown value', code: lambda({ [input]: 'var.setting' }) },
    ],
    invalid: [
      {
        name: `${input} set insecurely, reported at the argument`,
        code: lambda({ [input]: insecure }),
        errors: [
          {
            line: lineOf(input),
            column: 3,
            endLine: lineOf(input),
            endColumn: argument.length + 1,
            message: `sets \`${input}`,
          },
        ],
      },
      {
        name: `${input} left at the default, reported at the module block`,
        code: lambda({ [input]: undefined }),
        errors: [
          {
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 25,
            message: `leaves \`${input}\` at the module's default \`${defaultShown}\``,
          },
        ],
      },
      {
        name: '`create_role = false` only brings an existing IAM role: the function is still checked',
        code: lambda({ [input]: undefined, create_role: 'false', lambda_role: 'aws_iam_role.orders.arn' }),
        errors: [{ line: 1, column: 1, endLine: 1, endColumn: 25 }],
      },
    ],
  });
}

table(tracing, 'tracing_mode', '"PassThrough"', 'null');
table(dlq, 'dead_letter_target_arn', 'null', 'null', [
  {
    name: 'an on-failure destination of the async event config keeps failed events',
    code: lambda({
      dead_letter_target_arn: undefined,
      create_async_event_config: 'true',
      destination_on_failure: 'aws_sqs_queue.orders_failures.arn',
    }),
  },
]);
table(envKms, 'kms_key_arn', 'null', 'null', [
  {
    name: 'no environment variables, nothing to encrypt',
    code: lambda({ kms_key_arn: undefined }).replace(
      '  environment_variables = {\n    TABLE_NAME = "orders"\n  }\n',
      '',
    ),
  },
]);
table(codeSigning, 'code_signing_config_arn', 'null', 'null', [
  {
    name: 'container image functions cannot be signed',
    code: lambda({ code_signing_config_arn: undefined, package_type: '"Image"' }),
  },
]);
table(logGroupKms, 'cloudwatch_logs_kms_key_id', 'null', 'null', [
  {
    name: 'an existing log group is not the module’s',
    code: lambda({ cloudwatch_logs_kms_key_id: undefined, use_existing_cloudwatch_log_group: 'true' }),
  },
]);
table(logGroupRetention, 'cloudwatch_logs_retention_in_days', '0', 'null');

tester.run(deprecatedRuntime, {
  valid: [{ name: 'a supported runtime', code: lambda() }],
  invalid: [
    {
      name: 'a deprecated runtime, reported at the argument',
      code: lambda().replace('"nodejs22.x"', '"python3.7"'),
      errors: [{ line: 7, column: 3, endLine: 7, endColumn: 30, message: 'sets `runtime = "python3.7"`' }],
    },
  ],
});
