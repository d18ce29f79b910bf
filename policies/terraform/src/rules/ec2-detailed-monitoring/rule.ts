import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/ec2-detailed-monitoring',
  types: ['aws_instance'],
  attr: 'monitoring',
  missing: (n) => `Instance ${n} has only basic (5-minute) CloudWatch monitoring.`,
  off: (n) => `Instance ${n} sets \`monitoring = false\`.`,
  meta: {
    title: 'EC2 instance has no detailed monitoring',
    description:
      'An `aws_instance` does not set `monitoring = true`, so CloudWatch gets its metrics every 5 minutes instead of every minute.',
    rationale:
      'With 5-minute metrics, alarms on CPU or status checks fire minutes late and short spikes disappear in the average. It costs a few dollars per instance and month. Low; instances in Auto Scaling groups are configured through their launch template instead.',
    remediation: 'Set `monitoring = true`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_AWS_126'],
    references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_instance" "app" {\n  ami           = data.aws_ami.al2023.id\n  instance_type = "m7i.large"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_instance" "app" {\n  ami           = data.aws_ami.al2023.id\n  instance_type = "m7i.large"\n  monitoring    = true\n}\n',
        },
      ],
    },
  },
});
