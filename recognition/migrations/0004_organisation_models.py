"""Recognition now points at the organisation's models, and the criteria a bright spot targets
are declared on the criteria's side, in the table they always had (issue 11): state only."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    # Before the registry forgets the moved models (its 0004): this app's state still names them.
    run_before = [('registry', '0004_organisation_models')]

    dependencies = [
        ('organisation', '0001_initial'),
        ('recognition', '0003_recognition'),
        ('registry', '0003_search_trigram_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AddField(
                    model_name='criterion',
                    name='bright_spots',
                    field=models.ManyToManyField(blank=True, db_table='registry_brightspot_criteria', related_name='criteria', to='registry.brightspot', verbose_name='bright spots targeting it'),
                ),
                migrations.AlterField(
                    model_name='certificate',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.province'),
                ),
                migrations.AlterField(
                    model_name='certificatebatch',
                    name='requested_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='commendationentry',
                    name='outcome_recorded_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='commendationproposal',
                    name='committee',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='commendation_proposals', to='organisation.committee', verbose_name='committee'),
                ),
                migrations.AlterField(
                    model_name='commendationproposal',
                    name='created_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='commendationproposal',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='criteriaset',
                    name='province',
                    field=models.ForeignKey(blank=True, help_text='Empty: the set shipped with the app, used by every province.', null=True, on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='decision',
                    name='annulled_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='decision',
                    name='committee',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='organisation.committee', verbose_name='proposed by'),
                ),
                migrations.AlterField(
                    model_name='decision',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='decision',
                    name='recorded_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='dossier',
                    name='committee',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='dossiers', to='organisation.committee', verbose_name='committee'),
                ),
                migrations.AlterField(
                    model_name='dossier',
                    name='created_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='dossier',
                    name='proposed_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='dossier',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='dossier',
                    name='submitted_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='dossier',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='dossiers', to='organisation.unit', verbose_name='unit'),
                ),
                migrations.AlterField(
                    model_name='issuingauthority',
                    name='level_unit',
                    field=models.ForeignKey(help_text='The province, locality or agency whose committees record its Decisions.', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.unit', verbose_name='level'),
                ),
                migrations.AlterField(
                    model_name='issuingauthority',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='recognitionperiod',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='recognitionsettings',
                    name='province',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='recognition_settings', to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='review',
                    name='assigned_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='review',
                    name='reviewer',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewer'),
                ),
                migrations.AlterField(
                    model_name='serialcounter',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.province'),
                ),
                migrations.AlterField(
                    model_name='unitcommendation',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='unitcommendation',
                    name='recorded_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='unitcommendation',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='commendations', to='organisation.unit', verbose_name='unit'),
                ),
            ],
        ),
    ]
