"""The organisation takes over its models from the registry (issue 11), without touching the
database: the tables stay where they are (renamed in 0003), every row is kept.

Everything here is state only. On a database migrated before this release, the `migrate`
command records this migration as applied before it starts (organisation.bootstrap): Django's
admin already depends on the user model's first migration, and this one has no SQL to run.
"""

import django.contrib.auth.models
import django.contrib.auth.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('registry', '0003_search_trigram_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Province',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=2, unique=True, verbose_name='official code')),
                        ('name', models.CharField(help_text='For example: Nghệ An', max_length=100, verbose_name='name')),
                        ('place_name', models.CharField(help_text='Used in the date line of decisions and certificates: “Nghệ An, ngày …”.', max_length=100, verbose_name='place name on documents')),
                    ],
                    options={
                        'db_table': 'registry_province',
                        'verbose_name': 'province',
                        'verbose_name_plural': 'provinces',
                        'ordering': ['code'],
                    },
                ),
                migrations.CreateModel(
                    name='User',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('password', models.CharField(max_length=128, verbose_name='password')),
                        ('last_login', models.DateTimeField(blank=True, null=True, verbose_name='last login')),
                        ('is_superuser', models.BooleanField(default=False, help_text='Designates that this user has all permissions without explicitly assigning them.', verbose_name='superuser status')),
                        ('username', models.CharField(error_messages={'unique': 'A user with that username already exists.'}, help_text='Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.', max_length=150, unique=True, validators=[django.contrib.auth.validators.UnicodeUsernameValidator()], verbose_name='username')),
                        ('first_name', models.CharField(blank=True, max_length=150, verbose_name='first name')),
                        ('last_name', models.CharField(blank=True, max_length=150, verbose_name='last name')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='email address')),
                        ('is_staff', models.BooleanField(default=False, help_text='Designates whether the user can log into this admin site.', verbose_name='staff status')),
                        ('is_active', models.BooleanField(default=True, help_text='Designates whether this user should be treated as active. Unselect this instead of deleting accounts.', verbose_name='active')),
                        ('date_joined', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date joined')),
                        ('full_name', models.CharField(blank=True, max_length=150, verbose_name='full name')),
                        ('position', models.CharField(blank=True, max_length=150, verbose_name='position')),
                        ('phone', models.CharField(blank=True, max_length=30, verbose_name='phone')),
                        ('language', models.CharField(choices=[('vi', 'Tiếng Việt'), ('en', 'English')], default='vi', help_text='Language of e-mails and of the interface after logging in.', max_length=5, verbose_name='language')),
                        ('groups', models.ManyToManyField(blank=True, help_text='The groups this user belongs to. A user will get all permissions granted to each of their groups.', related_name='user_set', related_query_name='user', to='auth.group', verbose_name='groups')),
                        ('user_permissions', models.ManyToManyField(blank=True, help_text='Specific permissions for this user.', related_name='user_set', related_query_name='user', to='auth.permission', verbose_name='user permissions')),
                    ],
                    options={
                        'db_table': 'registry_user',
                        'verbose_name': 'user',
                        'verbose_name_plural': 'users',
                    },
                    managers=[
                        ('objects', django.contrib.auth.models.UserManager()),
                    ],
                ),
                migrations.CreateModel(
                    name='Committee',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('steering', 'Steering committee'), ('agency', 'Advisory agency')], default='steering', max_length=20, verbose_name='type')),
                        ('name', models.CharField(max_length=300, verbose_name='name')),
                        ('handles_qcdc', models.BooleanField(default=False, verbose_name='handles QCDC')),
                        ('handles_dvcq', models.BooleanField(default=False, verbose_name='handles DVCQ')),
                        ('active', models.BooleanField(default=True, verbose_name='active')),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='committees', to='organisation.province', verbose_name='province')),
                    ],
                    options={
                        'db_table': 'registry_committee',
                        'verbose_name': 'committee',
                        'verbose_name_plural': 'committees',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Unit',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('province', 'Province'), ('district', 'District-level locality'), ('commune', 'Commune'), ('ward', 'Ward'), ('township', 'Township'), ('special_zone', 'Special zone'), ('department', 'Provincial department or agency'), ('affiliated', 'Affiliated unit'), ('enterprise', 'State-owned enterprise')], max_length=20, verbose_name='type')),
                        ('name', models.CharField(max_length=255, verbose_name='name')),
                        ('code', models.CharField(blank=True, help_text='Administrative code (Decision 19/2025/QĐ-TTg): 5 digits for a commune.', max_length=10, verbose_name='official code')),
                        ('valid_from', models.DateField(blank=True, null=True, verbose_name='valid from')),
                        ('valid_to', models.DateField(blank=True, null=True, verbose_name='valid until')),
                        ('path', models.CharField(editable=False, max_length=255)),
                        ('name_folded', models.CharField(editable=False, max_length=255)),
                        ('name_sort', models.CharField(db_index=True, editable=False, max_length=600)),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='organisation.unit', verbose_name='parent unit')),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='units', to='organisation.province', verbose_name='province')),
                        ('successor', models.ForeignKey(blank=True, help_text='The unit this one was merged into.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='predecessors', to='organisation.unit', verbose_name='successor')),
                    ],
                    options={
                        'db_table': 'registry_unit',
                        'verbose_name': 'unit',
                        'verbose_name_plural': 'units',
                        'ordering': ['name_sort'],
                    },
                ),
                migrations.CreateModel(
                    name='RoutingRule',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('field', models.CharField(choices=[('qcdc', 'Grassroots democracy (QCDC)'), ('dvcq', 'Government mass mobilization (DVCQ)')], max_length=4, verbose_name='field')),
                        ('copy_to', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.committee', verbose_name='copy to')),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province')),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.committee', verbose_name='steering committee')),
                        ('via', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.committee', verbose_name='through')),
                        ('level_unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='routing_rules', to='organisation.unit', verbose_name='level')),
                    ],
                    options={
                        'db_table': 'registry_routingrule',
                        'verbose_name': 'routing rule',
                        'verbose_name_plural': 'routing rules',
                    },
                ),
                migrations.CreateModel(
                    name='RoleAssignment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('unit_official', 'Unit official'), ('committee_staff', 'Committee staff'), ('provincial_staff', 'Provincial staff'), ('administrator', 'Administrator')], max_length=20, verbose_name='role')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='assigned')),
                        ('committee', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='role_assignments', to='organisation.committee', verbose_name='committee')),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.province', verbose_name='province')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='role_assignments', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                        ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='role_assignments', to='organisation.unit', verbose_name='unit')),
                    ],
                    options={
                        'db_table': 'registry_roleassignment',
                        'verbose_name': 'role assignment',
                        'verbose_name_plural': 'role assignments',
                    },
                ),
                migrations.AddField(
                    model_name='committee',
                    name='level_unit',
                    field=models.ForeignKey(help_text='The province, locality or agency whose committee this is.', on_delete=django.db.models.deletion.PROTECT, related_name='committees', to='organisation.unit', verbose_name='level'),
                ),
                migrations.CreateModel(
                    name='AuditEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='at')),
                        ('action', models.CharField(max_length=60, verbose_name='action')),
                        ('bright_spot_id', models.BigIntegerField(blank=True, db_index=True, null=True)),
                        ('target_id', models.BigIntegerField()),
                        ('target_label', models.CharField(max_length=300, verbose_name='object')),
                        ('from_state', models.CharField(blank=True, max_length=40, verbose_name='from')),
                        ('to_state', models.CharField(blank=True, max_length=40, verbose_name='to')),
                        ('comment', models.TextField(blank=True, verbose_name='comment')),
                        ('data', models.JSONField(blank=True, default=dict, verbose_name='details')),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                        ('target_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype')),
                        ('province', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province')),
                    ],
                    options={
                        'db_table': 'registry_auditentry',
                        'verbose_name': 'audit entry',
                        'verbose_name_plural': 'audit log',
                        'ordering': ['-at', '-id'],
                        'indexes': [models.Index(fields=['target_type', 'target_id', 'at'], name='audit_target_idx')],
                    },
                ),
                migrations.AddIndex(
                    model_name='unit',
                    index=models.Index(fields=['path'], name='unit_path_idx', opclasses=['varchar_pattern_ops']),
                ),
                migrations.AddConstraint(
                    model_name='unit',
                    constraint=models.UniqueConstraint(condition=models.Q(('code', ''), _negated=True), fields=('province', 'code'), name='unit_code_unique'),
                ),
                migrations.AddConstraint(
                    model_name='unit',
                    constraint=models.CheckConstraint(condition=models.Q(('valid_to', None), ('valid_from', None), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='unit_validity_ordered'),
                ),
                migrations.AddConstraint(
                    model_name='routingrule',
                    constraint=models.UniqueConstraint(fields=('level_unit', 'field'), name='routing_one_per_level_field'),
                ),
                migrations.AddConstraint(
                    model_name='roleassignment',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('committee', None), ('role', 'unit_official'), ('unit__isnull', False)), models.Q(('committee__isnull', False), ('role', 'committee_staff'), ('unit', None)), models.Q(('committee', None), ('role__in', ['provincial_staff', 'administrator']), ('unit', None)), _connector='OR'), name='role_scope_matches_role'),
                ),
                migrations.AddConstraint(
                    model_name='committee',
                    constraint=models.CheckConstraint(condition=models.Q(('handles_qcdc', True), ('handles_dvcq', True), _connector='OR'), name='committee_handles_a_field'),
                ),
            ],
        ),
    ]
